// InProcessReadsTests: a read that runs for minutes unless it is stopped
UNWIND range(1, 10000000000) AS x
WITH x WHERE x < 0
RETURN count(x) AS none

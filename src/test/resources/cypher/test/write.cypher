// InProcessReadsTests: a write, which a read transaction must refuse
CREATE (:Probe {key: 'written'})
RETURN 1 AS done

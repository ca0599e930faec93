// InProcessReadsTests: how many probes there are
MATCH (p:Probe)
RETURN count(p) AS probes

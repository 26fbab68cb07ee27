"""ClusterMeet: one self-hosted platform for cluster conferences."""

__version__ = "0.1.0"

from rohnamo.directory.models.organizations import Organization
from rohnamo.directory.models.services import (
    Location,
    Phone,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)

__all__ = ["Location", "Organization", "Phone", "Service", "ServiceAtLocation", "TaxonomyTerm"]

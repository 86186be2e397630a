"""Seoul's AI ecosystem by district, counted from published records with the company directory's own
filter, so a tile's number is the number of companies its link shows."""

from dataclasses import dataclass, field

from django.db.models import Count

from companies.forms import FACET_LOOKUPS
from companies.models import Company
from institutions.models import Institution
from seoul import tilemap
from seoul.models import District

TILE_SIZE = 100
TILE_GAP = 6
CLUSTER_COUNT = 5


@dataclass
class DistrictActors:
    district: District
    companies: int = 0
    institutions: int = 0
    company_list: list = field(default_factory=list)
    institution_list: list = field(default_factory=list)

    @property
    def actors(self):
        return self.companies + self.institutions

    @property
    def tile(self):
        position = tilemap.TILES.get(self.district.slug)
        if position is None:
            return None
        column, row = position
        return {"x": column * (TILE_SIZE + TILE_GAP), "y": row * (TILE_SIZE + TILE_GAP)}

    @property
    def level(self):
        """Shade of the tile: 0 for none, then 1–4 as the count of actors grows."""
        return min(4, (self.actors + 2) // 3) if self.actors else 0


def counts_by_district(rows, lookup):
    return dict(rows.values_list(lookup).order_by().annotate(n=Count("pk", distinct=True)))


def districts_with_actors():
    district_lookup = FACET_LOOKUPS["district"]
    companies = counts_by_district(Company.objects.in_seoul(), district_lookup)
    institutions = counts_by_district(Institution.objects.published(), "district__slug")
    return [
        DistrictActors(d, companies.get(d.slug, 0), institutions.get(d.slug, 0))
        for d in District.objects.all()
    ]


def clusters(districts):
    """The districts with the most companies and institutions, each with who is there."""
    top = sorted((d for d in districts if d.actors), key=lambda d: (-d.actors, d.district.order))
    top = top[:CLUSTER_COUNT]
    by_slug = {d.district.slug: d for d in top}
    for company in Company.objects.in_seoul().filter(district__slug__in=by_slug).select_related("district"):
        by_slug[company.district.slug].company_list.append(company)
    for institution in (
        Institution.objects.published().filter(district__slug__in=by_slug).select_related("district")
    ):
        by_slug[institution.district.slug].institution_list.append(institution)
    return top


def map_size():
    return {
        "width": tilemap.COLUMNS * (TILE_SIZE + TILE_GAP) - TILE_GAP,
        "height": tilemap.ROWS * (TILE_SIZE + TILE_GAP) - TILE_GAP,
        "tile": TILE_SIZE,
    }

"""Seoul's AI ecosystem by district, counted from published records with the company directory's own
filter, so a tile's number is the number of companies its link shows."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import F, Q

from companies.forms import district_counts
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


def institution_district_counts(institutions):
    """Like the directory's company counts: each institution once in its main and each other district."""
    institutions = institutions.order_by()
    pairs = (
        institutions.annotate(place=F("district__slug"))
        .values_list("pk", "place")
        .union(institutions.annotate(place=F("other_districts__slug")).values_list("pk", "place"))
    )
    return Counter(slug for _pk, slug in pairs if slug)


def districts_with_actors():
    companies = district_counts(Company.objects.in_seoul())
    institutions = institution_district_counts(Institution.objects.published())
    return [
        DistrictActors(d, companies.get(d.slug, 0), institutions.get(d.slug, 0))
        for d in District.objects.all()
    ]


def clusters(districts):
    """The districts with the most companies and institutions, each with who is there."""
    top = sorted((d for d in districts if d.actors), key=lambda d: (-d.actors, d.district.order))
    top = top[:CLUSTER_COUNT]
    by_slug = {d.district.slug: d for d in top}
    anywhere_in_top = Q(district__slug__in=by_slug) | Q(other_districts__slug__in=by_slug)
    actors = [
        (Company.objects.in_seoul(), "company_list"),
        (Institution.objects.published(), "institution_list"),
    ]
    for rows, attribute in actors:
        rows = rows.filter(anywhere_in_top).distinct().select_related("district")
        for actor in rows.prefetch_related("other_districts"):
            for slug in district_slugs(actor) & by_slug.keys():
                getattr(by_slug[slug], attribute).append(actor)
    return top


def district_slugs(actor):
    slugs = {district.slug for district in actor.other_districts.all()}
    if actor.district:
        slugs.add(actor.district.slug)
    return slugs


def map_size():
    return {
        "width": tilemap.COLUMNS * (TILE_SIZE + TILE_GAP) - TILE_GAP,
        "height": tilemap.ROWS * (TILE_SIZE + TILE_GAP) - TILE_GAP,
        "tile": TILE_SIZE,
    }

"""The regions map's shapes (``maps/regions.json``), made once from a public boundary
data set by ``python -m tools.map.make_regions_map``; not part of the site's build."""

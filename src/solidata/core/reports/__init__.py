"""Report elements drawn from findings: maps for now (:mod:`~solidata.core.reports.choropleth`)."""

package org.sitrep.knowledge;

/** A gazetteer entry. */
public record Place(
        String name,
        String kind,
        String country,
        String admin1,
        double lat,
        double lon,
        long population,
        Long geonamesId) {}

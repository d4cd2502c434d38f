/**
 * The map of member organisations, drawn on the server as SVG (d3-geo, world-atlas): no tiles, no
 * script, no third-party request. The land is one static, immutably cached image; the places are
 * links drawn over it, so the page itself stays light.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { PageContext } from '../context.js';

const WIDTH = 960;
const HEIGHT = 470;
export const WORLD_ASSET = 'world-land.svg';

let cached: { projection: GeoProjection; svg: string } | undefined;

function world(): { projection: GeoProjection; svg: string } {
  if (cached) return cached;
  const file = createRequire(import.meta.url).resolve('world-atlas/land-110m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ land: GeometryCollection }>;
  const land = feature(topology, topology.objects.land) as FeatureCollection<
    Polygon | MultiPolygon
  >;
  const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], land);
  const path = geoPath(projection).digits(0)(land) ?? '';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}">` +
    `<path d="${path}" fill="#c9d2db" stroke="#8a96a3" stroke-width="0.5"/></svg>`;
  cached = { projection, svg };
  return cached;
}

/** The land as a static SVG file, served with the other assets. */
export function worldLandAsset(): { name: string; body: Buffer } {
  return { name: WORLD_ASSET, body: Buffer.from(world().svg) };
}

export interface MapPlace {
  href: string;
  name: string;
  latitude: number;
  longitude: number;
}

/** The places as links over the land; the caller lists the same places as text for everyone. */
export function PlacesMap(props: {
  ctx: PageContext;
  label: string;
  places: readonly MapPlace[];
}): JSX.Element {
  const { projection } = world();
  const points = props.places.flatMap((place) => {
    const xy = projection([place.longitude, place.latitude]);
    return xy ? [{ ...place, x: Math.round(xy[0]), y: Math.round(xy[1]) }] : [];
  });
  return (
    <figure class="map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={props.label}>
        <image
          href={props.ctx.assets.url(WORLD_ASSET)}
          width={String(WIDTH)}
          height={String(HEIGHT)}
        />
        {points.map((point) => (
          <a href={point.href} aria-label={point.name}>
            <circle cx={String(point.x)} cy={String(point.y)} r="7" class="map-place" />
            <title safe>{point.name}</title>
          </a>
        ))}
      </svg>
    </figure>
  );
}

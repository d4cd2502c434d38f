/**
 * A line chart drawn on the server as SVG: values over years, one line per series, each line
 * with its own colour, dash and marker (never colour alone). It is an image with a title and a
 * description for screen readers; the page puts the same figures in a table beside it, and each
 * point names its figures when hovered. No script, no chart library in the browser.
 */

export interface ChartSeries {
  label: string;
  points: readonly { x: number; y: number }[];
}

const WIDTH = 640;
const HEIGHT = 300;
const MARGIN = { top: 16, right: 16, bottom: 40, left: 72 };
const DASHES = ['', '8 4', '2 4', '12 4 2 4', '4 4'];
/** The largest number of series told apart by colour, dash and marker. */
export const MAX_SERIES = DASHES.length;

/** Round steps for an axis from `min` to `max`: 1, 2 or 5 times a power of ten. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min >= max) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step =
    [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw) ?? raw;
  if (!Number.isFinite(step) || step <= 0) return [min, max];
  // From a step at or below the least value to a step at or above the greatest.
  const ticks: number[] = [];
  let tick = Math.floor(min / step) * step;
  // A few more than asked at most: the loop ends whatever the figures.
  while (ticks.length <= count + 2) {
    ticks.push(Number(tick.toPrecision(12)));
    if (tick >= max) break;
    tick += step;
  }
  return ticks;
}

function Marker(props: { index: number; x: number; y: number; label: string }): JSX.Element {
  const { x, y } = props;
  const shape = props.index % 5;
  const title = <title safe>{props.label}</title>;
  if (shape === 1)
    return (
      <rect x={String(x - 4)} y={String(y - 4)} width="8" height="8" class="chart-marker">
        {title}
      </rect>
    );
  if (shape === 2)
    return (
      <path d={`M${x} ${y - 5}L${x + 5} ${y + 4}L${x - 5} ${y + 4}Z`} class="chart-marker">
        {title}
      </path>
    );
  if (shape === 3)
    return (
      <path d={`M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z`} class="chart-marker">
        {title}
      </path>
    );
  return (
    <circle cx={String(x)} cy={String(y)} r={shape === 4 ? '3' : '4.5'} class="chart-marker">
      {title}
    </circle>
  );
}

export function LineChart(props: {
  /** Unique in the page: the ids of the title and description derive from it. */
  id: string;
  title: string;
  description: string;
  series: readonly ChartSeries[];
  /** How a value is written (with its unit) on the axis and in the points' titles. */
  format: (value: number) => string;
}): JSX.Element {
  const series = props.series.filter((entry) => entry.points.length > 0).slice(0, MAX_SERIES);
  const points = series.flatMap((entry) => entry.points);
  if (points.length === 0) return '';
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const years = [...new Set(xs)].sort((a, b) => a - b);
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  // Bars and lines of amounts start at zero, unless values go below it.
  const yTicks = niceTicks(
    Math.min(0, ...ys),
    Math.max(...ys) === Math.min(0, ...ys) ? 1 : Math.max(...ys),
  );
  const [yMin, yMax] = [yTicks[0] ?? 0, yTicks[yTicks.length - 1] ?? 1];
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const xOf = (x: number) =>
    MARGIN.left + (xMax === xMin ? plotWidth / 2 : ((x - xMin) / (xMax - xMin)) * plotWidth);
  const yOf = (y: number) =>
    MARGIN.top + plotHeight - ((y - yMin) / (yMax - yMin || 1)) * plotHeight;
  const round = (value: number) => Math.round(value * 10) / 10;
  // Label every year when there is room, else a few.
  const every = Math.max(1, Math.ceil(years.length / 8));
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
        class="line-chart"
      >
        <title id={`${props.id}-title`} safe>
          {props.title}
        </title>
        <desc id={`${props.id}-desc`} safe>
          {props.description}
        </desc>
        <g class="chart-grid" aria-hidden="true">
          {yTicks.map((tick) => (
            <>
              <line
                x1={String(MARGIN.left)}
                x2={String(WIDTH - MARGIN.right)}
                y1={String(round(yOf(tick)))}
                y2={String(round(yOf(tick)))}
              />
              <text
                x={String(MARGIN.left - 8)}
                y={String(round(yOf(tick)) + 4)}
                text-anchor="end"
                safe
              >
                {props.format(tick)}
              </text>
            </>
          ))}
          {years
            .filter((_year, index) => index % every === 0)
            .map((year) => (
              <text
                x={String(round(xOf(year)))}
                y={String(HEIGHT - MARGIN.bottom + 20)}
                text-anchor="middle"
              >
                {String(year)}
              </text>
            ))}
        </g>
        {series.map((entry, index) => {
          const sorted = [...entry.points].sort((a, b) => a.x - b.x);
          return (
            <g class={`chart-series chart-series-${index}`}>
              <polyline
                fill="none"
                stroke-dasharray={DASHES[index] || undefined}
                points={sorted
                  .map((point) => `${round(xOf(point.x))},${round(yOf(point.y))}`)
                  .join(' ')}
              />
              {sorted.map((point) => (
                <Marker
                  index={index}
                  x={round(xOf(point.x))}
                  y={round(yOf(point.y))}
                  label={`${entry.label}, ${point.x}: ${props.format(point.y)}`}
                />
              ))}
            </g>
          );
        })}
      </svg>
      {series.length > 1 ? (
        <figcaption>
          <ul class="chart-legend">
            {series.map((entry, index) => (
              <li class={`chart-series-${index}`}>
                <svg width="36" height="12" aria-hidden="true" focusable="false">
                  <line
                    x1="0"
                    x2="36"
                    y1="6"
                    y2="6"
                    stroke-dasharray={DASHES[index] || undefined}
                  />
                </svg>{' '}
                <span safe>{entry.label}</span>
              </li>
            ))}
          </ul>
        </figcaption>
      ) : (
        ''
      )}
    </figure>
  );
}

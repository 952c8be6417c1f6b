/// <reference lib="dom" />
/**
 * @module
 * A time-series line chart drawn by uPlot (small, fast, made for exactly this). It follows its
 * box's width, so zooming the page or narrowing the window redraws it instead of overflowing,
 * and it keeps a fixed height, so new data never moves the page. Charts with the same `sync`
 * share one cursor.
 */
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";

export interface ChartProps {
  /** Names the chart for screen readers, with its latest value. */
  label: string;
  unit: string;
  at: number[];
  values: (number | null)[];
  color: string;
  /** A step line: for counts that change at moments, not gradually. */
  steps?: boolean;
  sync?: string;
}

const HEIGHT = 160;

export function Chart(props: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot>();
  const { label, unit, color, steps, sync } = props;

  useEffect(() => {
    const el = box.current!;
    plot.current = new uPlot(
      {
        width: el.clientWidth,
        height: HEIGHT,
        ms: 1,
        legend: { show: false },
        cursor: sync ? { sync: { key: sync } } : {},
        scales: {
          x: { time: true },
          // From zero, with headroom: a level line is not mistaken for a cliff.
          y: { range: (_u, _min, max) => uPlot.rangeNum(0, Math.max(1, max), 0.1, true) },
        },
        axes: [{}, { label: unit, size: 60 }],
        series: [
          {},
          {
            label,
            stroke: color,
            width: 2,
            ...(steps ? { paths: uPlot.paths.stepped!({ align: 1 }) } : {}),
          },
        ],
      },
      [props.at, props.values],
      el,
    );
    const resize = new ResizeObserver(() => {
      plot.current?.setSize({ width: el.clientWidth, height: HEIGHT });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = undefined;
    };
  }, [label, unit, color, steps, sync]);

  useEffect(() => {
    plot.current?.setData([props.at, props.values]);
  }, [props.at, props.values]);

  const latest = props.values.findLast((v) => v !== null) ?? undefined;
  return (
    <figure class="chart">
      <figcaption>
        {label}: <b>{latest?.toLocaleString() ?? "–"}</b> {latest !== undefined ? unit : ""}
      </figcaption>
      <div ref={box} role="img" aria-label={`${label} over time, latest ${latest ?? "none"}`} />
    </figure>
  );
}

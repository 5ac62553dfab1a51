/** An accessible bar chart: an SVG image with a title; the numbers stand in a table beside it. */
export function BarChart({
  id,
  title,
  bars,
  scale,
}: {
  id: string;
  title: string;
  bars: { label: string; value: number | null }[];
  /** The value of a full bar (100 for percentages); the largest bar otherwise. */
  scale?: number;
}): JSX.Element {
  const max = scale ?? Math.max(1, ...bars.map((b) => b.value ?? 0));
  const rowHeight = 28;
  const height = bars.length * rowHeight + 8;
  return (
    // A fixed size (KERN shrinks an svg to fit narrow screens): stretched to the column's width,
    // the 12-unit labels grew to 36 px on a wide screen.
    <svg
      class="survey-chart"
      viewBox={`0 0 400 ${height}`}
      width="480"
      height={String(Math.round(height * 1.2))}
      role="img"
      aria-labelledby={`${id}-title`}
      focusable="false"
    >
      <title id={`${id}-title`} safe>
        {title}
      </title>
      {bars.map((bar, i) => {
        const y = 4 + i * rowHeight;
        const width = bar.value === null ? 0 : Math.max(1, Math.round((bar.value / max) * 220));
        return (
          <g>
            <text x="0" y={String(y + 18)} font-size="12" fill="currentColor" safe>
              {bar.label.length > 24 ? `${bar.label.slice(0, 23)}…` : bar.label}
            </text>
            {bar.value === null ? (
              <text x="160" y={String(y + 18)} font-size="12" fill="currentColor">
                –
              </text>
            ) : (
              <>
                <rect x="160" y={String(y + 4)} width={String(width)} height="18" fill="#1e5f8c" />
                <text x={String(166 + width)} y={String(y + 18)} font-size="12" fill="currentColor" safe>
                  {String(bar.value)}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}

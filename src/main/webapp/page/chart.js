// The cumulative result chart, drawn by uPlot (vendored WebJar, loaded by index.html as window.uPlot).

const COLOURS = ['#4fc3f7', '#ffb74d', '#ba68c8', '#81c784'];

/** A chart in {@code element} that follows session.chartData(); one line and one scale per currency. */
export class ResultChart {
  constructor(element) {
    this.element = element;
    this.plot = null;
    this.currencies = '';
    if (typeof ResizeObserver === 'function') {
      new ResizeObserver(() => this.plot?.setSize(this.size())).observe(element);
    }
  }

  size() {
    return { width: Math.max(200, this.element.clientWidth), height: this.element.clientWidth < 500 ? 180 : 240 };
  }

  update({ currencies, data }) {
    // The page's tests and anyone curious can read what is drawn without decoding a canvas.
    this.element.dataset.points = String(data[0].length - 1);
    this.element.dataset.series = currencies.join(',');
    this.element.dataset.last = currencies.map((c, i) => `${c}:${data[i + 1].at(-1) ?? ''}`).join(' ');
    if (typeof uPlot !== 'function') {
      this.element.textContent = 'The chart library did not load.';
      return;
    }
    const key = currencies.join(',');
    if (this.plot && key === this.currencies) {
      this.plot.setData(data);
      return;
    }
    this.plot?.destroy();
    this.currencies = key;
    this.plot = new uPlot(this.options(currencies), data, this.element);
  }

  options(currencies) {
    const axisColour = '#9aa4b2';
    const gridColour = 'rgba(154,164,178,0.15)';
    return {
      ...this.size(),
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false } },
      axes: [
        { stroke: axisColour, grid: { stroke: gridColour }, label: 'hand', labelSize: 18,
          incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000] },
        ...currencies.slice(0, 2).map((currency, i) => ({
          scale: currency, side: i === 0 ? 3 : 1, stroke: axisColour, label: currency, labelSize: 18,
          grid: { show: i === 0, stroke: gridColour }, size: 60,
        })),
      ],
      series: [
        { label: 'hand' },
        ...currencies.map((currency, i) => ({
          label: currency, scale: currency, stroke: COLOURS[i % COLOURS.length], width: 2,
          points: { show: true, size: 4 },
        })),
      ],
    };
  }
}

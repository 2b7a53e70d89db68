// The charting library of the web page, as one global `SuanliCharts`: Observable Plot (which brings d3) and the
// outline of China, simplified at build time from world-atlas (Natural Earth) and bundled as data: nothing is fetched.
import * as Plot from "@observablehq/plot";
import outline from "china-outline";

export { Plot, outline };

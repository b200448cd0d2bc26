/* global window, document, performance, requestAnimationFrame */
// Browser side of the region-map benchmark (bundled by esbuild with the webview's own modules): the
// real RegionMapApp, fed its `init` and then the answer through window.postMessage, as in a webview.
// Plain JS because the root tsconfig has no DOM types.
import { RegionMapApp } from '../../webview/regionMap/regionMapApp';

function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

window.regionMapBench = {
  /**
   * One first paint: a fresh page gets `init` (it asks for the answer), then the answer arrives as a
   * message; the figure runs from the message's arrival to the matrix and the Sankey rendered and
   * laid out. Returns the time and what was drawn.
   */
  async firstPaint(result, byAttachment) {
    document.body.replaceChildren();
    const root = document.createElement('div');
    root.id = 'app';
    root.style.cssText = 'width: 1240px;';
    document.body.append(root);
    let requestId;
    let handler;
    const app = new RegionMapApp(root, {
      post: (m) => {
        if (m.type === 'load') requestId = m.requestId;
      },
      onMessage: (h) => (handler = h),
    });
    handler({ type: 'init', scope: { kind: 'cen', title: 'bench-cen', cenId: 'cen-bench' }, range: { kind: 'relative', amount: 7, unit: 'days' }, byAttachment });
    await nextFrame();
    let arrival;
    let painted;
    const done = new Promise((resolve) => {
      window.onmessage = (e) => {
        arrival = performance.now();
        handler(e.data);
        void root.getBoundingClientRect().height; // style + layout of the new matrix and Sankey, now
        painted = performance.now();
        resolve();
      };
    });
    window.postMessage({ type: 'result', result: { ...result, requestId, byAttachment } }, '*');
    await done;
    window.onmessage = null;
    await nextFrame();
    void app;
    return {
      ms: painted - arrival,
      cells: root.querySelectorAll('td.cell[data-src]').length,
      links: root.querySelectorAll('[data-testid=region-sankey] path.link').length,
      nodes: root.querySelectorAll('[data-testid=region-sankey] rect.node').length,
    };
  },
};

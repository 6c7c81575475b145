/**
 * jsdom has no SVG layout: `getBBox` is missing, so DependencyGraph cannot measure its nodes. Give
 * every SVG element a fixed box so the graph renders its nodes and labels (positions are checked
 * in the browser tests, not here).
 */
export function mockSvgLayout(): void {
  const proto = window.SVGElement.prototype as unknown as {
    getBBox?: () => DOMRect;
  };
  let original: typeof proto.getBBox;
  beforeAll(() => {
    original = proto.getBBox;
    proto.getBBox = () =>
      ({ x: 0, y: 0, width: 120, height: 60 }) as unknown as DOMRect;
  });
  afterAll(() => {
    proto.getBBox = original;
  });
}

import { RefObject, useLayoutEffect, useRef, useState } from 'react';

/** The rendered size of an SVG group, re-measured whenever its text (`content`) changes. */
export function useSvgBox<T extends SVGGraphicsElement>(
  content: string,
): [RefObject<T>, { width: number; height: number }] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof element.getBBox !== 'function') return;
    const box = element.getBBox();
    const width = Math.round(box.width);
    const height = Math.round(box.height);
    if (width !== size.width || height !== size.height) {
      setSize({ width, height });
    }
  }, [content, size.width, size.height]);
  return [ref, size];
}

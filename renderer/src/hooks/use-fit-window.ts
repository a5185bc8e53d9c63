import { type RefObject, useEffect } from 'react';
import { api } from '../api';

/**
 * Tells main how tall the page's content is whenever it changes, so the window fits it (one account leaves no
 * empty area below it) up to a maximum, past which the page scrolls. One report per frame at most.
 */
export function useFitWindow(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let sent = -1;
    let frame = 0;
    const report = () => {
      frame = 0;
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height === sent) return;
      sent = height;
      void api().popoverFit({ height });
    };
    const observer = new ResizeObserver(() => {
      if (!frame) frame = requestAnimationFrame(report);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ref]);
}

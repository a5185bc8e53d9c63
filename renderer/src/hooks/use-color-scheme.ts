import { useEffect, useState } from 'react';

function current(): 'light' | 'dark' {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * The scheme the page is drawn in (the person's choice in Settings, else the system's). Canvas charts take their
 * colours once when drawn, so they must draw again when it changes.
 */
export function useColorScheme(): 'light' | 'dark' {
  const [scheme, setScheme] = useState(current);
  useEffect(() => {
    const update = () => setScheme(current());
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', update);
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      media.removeEventListener('change', update);
      observer.disconnect();
    };
  }, []);
  return scheme;
}

/**
 * A theme colour as the canvas needs it. The custom properties hold `light-dark(…)`, which a canvas cannot read
 * (the history chart's axes were drawn black on the dark theme): the browser resolves it on a probe element.
 */
export function resolvedColor(inside: HTMLElement, variable: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${variable})`;
  inside.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

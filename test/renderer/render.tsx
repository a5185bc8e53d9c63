import { type RenderOptions, render as renderPage } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { TranslatorContext } from '../../renderer/src/hooks/use-translator';
import type { Translator } from '../../shared/i18n/translator';
import { english } from '../support/english';

/** A view drawn as App draws it: inside the translator of the popover's language (English unless told). */
export function render(ui: ReactElement, options: RenderOptions & { translator?: Translator } = {}) {
  const { translator = english, ...rest } = options;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TranslatorContext.Provider value={translator}>{children}</TranslatorContext.Provider>
  );
  return renderPage(ui, { wrapper, ...rest });
}

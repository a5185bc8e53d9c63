import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DESCRIPTORS } from '../../shared/providers';

/** Attributes a person reads or hears; the rest (className, id, role, aria-labelledby...) are for code. */
const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-valuetext',
  'aria-description',
  'title',
  'placeholder',
  'alt',
  'label',
]);
const LETTER = /\p{L}/u;
// Two words in a row, in a string anywhere: a sentence for a person. CSS font shorthands ("13px system-ui") are not.
const PHRASE = /\p{L}{2,}\s+\p{L}{2,}/u;
const CSS_FONT = /\dpx\s|sans-serif/;
// Nor a CSS selector (".chart canvas").
const SELECTOR = /^[.#][\w-]+(\s+[\w.#-]+)*$/;

/** The expression a literal belongs to, through the conditionals and fallbacks that choose between literals. */
function owner(node: ts.Node): ts.Node {
  let at = node.parent;
  while (
    ts.isConditionalExpression(at) ||
    ts.isParenthesizedExpression(at) ||
    (ts.isBinaryExpression(at) && at.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken)
  )
    at = at.parent;
  return at;
}

/** Where a literal ends up: JSX children, an attribute (by name), or elsewhere in code. */
function placeOf(node: ts.Node): 'child' | 'spoken' | 'attribute' | 'code' {
  const at = owner(node);
  if (ts.isJsxAttribute(at)) return SPOKEN_ATTRIBUTES.has(at.name.getText()) ? 'spoken' : 'attribute';
  if (!ts.isJsxExpression(at)) return 'code';
  if (ts.isJsxElement(at.parent) || ts.isJsxFragment(at.parent)) return 'child';
  if (ts.isJsxAttribute(at.parent))
    return SPOKEN_ATTRIBUTES.has(at.parent.name.getText()) ? 'spoken' : 'attribute';
  return 'code';
}

/**
 * Text a person would see that does not come from the catalog: JSX text, spoken attributes given as literals,
 * literals rendered as children, and any string elsewhere that reads as words.
 */
function textOutsideCatalog(file: string, source: string): string[] {
  const tree = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const report = (node: ts.Node, text: string) =>
    found.push(
      `${path.basename(file)}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${JSON.stringify(text.trim())}`,
    );
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isJsxText(node)) {
      if (LETTER.test(node.text)) report(node, node.text);
    } else if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      // A template's pieces belong where the whole template goes.
      const whole = ts.isTemplateHead(node)
        ? node.parent
        : ts.isTemplateMiddle(node) || ts.isTemplateTail(node)
          ? node.parent.parent
          : node;
      const place = placeOf(whole);
      const words =
        place === 'child' || place === 'spoken'
          ? LETTER.test(node.text)
          : place === 'code' &&
            PHRASE.test(node.text) &&
            !CSS_FONT.test(node.text) &&
            !SELECTOR.test(node.text);
      if (words) report(node, node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

const RENDERER = path.resolve(__dirname, '../../renderer/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(path.join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [path.join(dir, entry.name)]
        : [],
  );
}

describe('every word the popover shows comes from the catalog', () => {
  it('the scan finds text in each place it can hide', () => {
    const source = `
      export const A = () => (
        <section aria-labelledby="t" className="a b">
          <h1 id="t">Hello there</h1>
          <button aria-label="Close it" onClick={() => f('x')}>{busy ? 'Saving…' : t('form.save')}</button>
          <p>{\`\${count} left\`}</p>
          <span>{t('ok')} · {'·'}</span>
        </section>
      );
      const message = 'Something went wrong';
      const font = \`600 \${size}px system-ui, sans-serif\`;
      const key = 'detail.remove';
    `;
    expect(textOutsideCatalog('Example.tsx', source)).toEqual([
      'Example.tsx:4 "Hello there"',
      'Example.tsx:5 "Close it"',
      'Example.tsx:5 "Saving…"',
      'Example.tsx:6 "left"',
      'Example.tsx:10 "Something went wrong"',
    ]);
  });

  it('none in the renderer', () => {
    const found = sourceFiles(RENDERER).flatMap((file) =>
      textOutsideCatalog(file, readFileSync(file, 'utf8')),
    );
    expect(found).toEqual([]);
  });
});

/**
 * Text in main/ and shared/ that is not for the catalog, each with its reason. Anything else that reads as words
 * fails: a new sentence for a person belongs in the catalog.
 */
const NOT_FOR_THE_CATALOG: [file: string, starts: string, why: string][] = [
  [
    'main/core/serve/metrics.ts',
    '',
    "Prometheus HELP text: read by operators' tools, in English by convention",
  ],
  ['main/core/serve/serve-http.ts', '', 'HTTP answers to scrapers and scripts, not to a person at the app'],
  ['main/core/present/autostart.ts', '', 'the .desktop file the OS reads at login'],
  ['main/core/store/paths.ts', 'Application Support', "a macOS folder's name"],
  ['main/cli/providers-command.ts', 'HTTP Basic', "a protocol's name"],
  [
    'main/cli/bin.ts',
    'creditbar needs Node.js',
    'said before any catalog can load, by a Node too old to load the bundle that holds them',
  ],
  [
    'main/core/store/keychain-helper.ts',
    'the keychain',
    "an Error's text keychainProblem() reads to pick the catalog's words; never shown itself",
  ],
  ['main/cli/providers-command.ts', 'added preset', "a kind's identifier, as --json prints it"],
  [
    'providers/demo/adapter.ts',
    'API calls',
    "a quota's name: data, kept in the cache and history like a provider's",
  ],
  [
    'providers/generect/adapter.ts',
    'Monthly limit',
    "a quota's name: data, kept in the cache and history like a provider's",
  ],
  ['shared/i18n/own-words.ts', 'API calls', "the data word own-words.ts reads in the catalog's words"],
  ['shared/i18n/own-words.ts', 'Monthly limit', "the data word own-words.ts reads in the catalog's words"],
];

/** Providers' and presets' names, and the README table's line on what each reads from its API. */
const PROVIDER_DATA = new Set(DESCRIPTORS.flatMap((d) => [d.displayName, d.reads]));

function allowed(relative: string, text: string): boolean {
  if (/^(shared\/providers|providers)\//.test(relative) && PROVIDER_DATA.has(text)) return true;
  return NOT_FOR_THE_CATALOG.some(
    ([file, starts]) => relative.startsWith(file) && text.trim().startsWith(starts),
  );
}

describe('every word main and the CLI show comes from the catalog', () => {
  it('none in main/, shared/ or providers/ but what is listed, each with its reason', () => {
    const top = path.resolve(__dirname, '../..');
    const found = ['main', 'shared', 'providers']
      .flatMap((dir) => sourceFiles(path.join(top, dir)))
      // A provider's fake and tests are test code.
      .filter((file) => !/\.test\.ts$|\/fake\.ts$/.test(file))
      .flatMap((file) => {
        const relative = path.relative(top, file);
        return textOutsideCatalog(file, readFileSync(file, 'utf8'))
          .filter((hit) => !allowed(relative, JSON.parse(hit.slice(hit.indexOf(' ') + 1)) as string))
          .map((hit) => `${relative} ${hit}`);
      });
    expect(found).toEqual([]);
  });
});

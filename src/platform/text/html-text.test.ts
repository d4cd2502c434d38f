import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text.js';

describe('htmlToText', () => {
  it('keeps the words, drops tags, scripts and styles, and decodes entities', () => {
    expect(
      htmlToText(
        '<p>Cities &amp; rights</p><script>alert(1)</script><style>p{}</style><p>Next&nbsp;step <img src=x onerror=alert(1)></p>',
      ),
    ).toBe('Cities & rights Next step');
  });

  it('leaves plain text as it is, white space folded', () => {
    expect(htmlToText('  A  plain\n\ntext  ')).toBe('A plain text');
  });
});

/**
 * Files attached to posts: the author attaches a PDF (recognised by its bytes, whatever its name),
 * which the working group's people download and nobody else does; a file of another kind, none at
 * all, or a sixth one is refused with its message; another member may not attach to it.
 */
import { describe, expect, it } from 'vitest';
import { pdfDocument } from '../support/documents.js';
import { FormBrowser } from '../support/form-browser.js';
import { dialogueHelpers } from '../support/dialogue.js';
import { organisersWorld } from '../support/organisers.js';

const world = organisersWorld();
const { organisation, member, spaceForm, threadUrl } = dialogueHelpers(world);

describe('files attached to posts', () => {
  it('reach the readers of the post only', async () => {
    const malmo = await organisation('Malmö Human Rights City');
    const oslo = await organisation('Oslo Human Rights City');
    await world.editor.submit(
      '/en/editor/dialogue/spaces/new',
      '/en/editor/dialogue/spaces',
      spaceForm({
        slug: 'malmo-group',
        name: 'Malmö group',
        audience: 'group',
        organisations: [malmo],
      }),
    );
    const ulla = await member('Ulla Files', malmo, '10.9.8.1');
    const vera = await member('Vera Files', malmo, '10.9.8.2');
    const outsider = await member('Walt Files', oslo, '10.9.8.3');
    const started = await ulla.submit('/en/dialogue/malmo-group/new', '/en/dialogue/malmo-group', {
      title: 'Our anti-discrimination plan',
      theme: '',
      body: 'The draft is attached.',
    });
    const thread = threadUrl(started.headers.location);
    const page = await ulla.get(thread);
    const postId = /\/posts\/([0-9a-f-]{36})\/files/.exec(page.body)?.[1] ?? '';
    const action = `${thread}/posts/${postId}/files`;
    const pdf = pdfDocument(['Filecanary-2290 draft plan']);
    const attached = await ulla.upload(
      thread,
      action,
      {},
      {
        name: 'file',
        filename: 'C:\\Users\\ulla\\plan final.exe',
        type: 'application/octet-stream',
        content: pdf,
      },
    );
    expect(attached.headers.location).toBe(`${thread}?post=1&done=attached#p1`);
    const shown = await vera.get(thread);
    const href = /href="(\/en\/dialogue\/files\/[0-9a-f-]{36}\/[^"]+)"/.exec(shown.body)?.[1] ?? '';
    expect(href).toMatch(/\/plan%20final\.pdf$/);
    const download = await vera.get(href);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    for (const reader of [outsider, new FormBrowser(world.app, '10.9.8.9')])
      expect((await reader.get(href)).statusCode).toBe(404);

    // What is refused, each with its message on the thread's page.
    const text = await ulla.upload(
      thread,
      action,
      {},
      {
        name: 'file',
        filename: 'notes.pdf',
        type: 'application/pdf',
        content: '<script>alert(1)</script>',
      },
    );
    const told = await ulla.get(text.headers.location ?? '');
    expect(told.body).toContain('This kind of file cannot be attached');
    for (let count = 1; count < 5; count += 1)
      await ulla.upload(
        thread,
        action,
        {},
        {
          name: 'file',
          filename: `annex-${count}.pdf`,
          type: 'application/pdf',
          content: pdf,
        },
      );
    const sixth = await ulla.upload(
      thread,
      action,
      {},
      {
        name: 'file',
        filename: 'annex-6.pdf',
        type: 'application/pdf',
        content: pdf,
      },
    );
    expect((await ulla.get(sixth.headers.location ?? '')).body).toContain(
      'A post can have at most 5 files.',
    );
    const notHers = await vera.upload(
      thread,
      action,
      {},
      {
        name: 'file',
        filename: 'mine.pdf',
        type: 'application/pdf',
        content: pdf,
      },
    );
    expect(notHers.statusCode).toBe(404);
  });
});

import { describe, expect, it } from 'vitest';
import { defineKind, type ContentKind } from '../channels/kind.js';
import type { Platform } from '../platform/platform.js';
import { createComposition } from './compose.js';
import { defineFeature } from './feature.js';

/** Composition reads only the languages of the platform. */
const platform = { catalogue: { locales: ['en', 'fr'] } } as unknown as Platform;

const kindNamed = (plural: string): ContentKind =>
  defineKind({
    name: plural.slice(0, -1),
    plural,
    feeds: [],
    sitemap: null,
    api: null,
    export: null,
    search: null,
    metadata: null,
    follow: null,
    canary: { plant: async () => ({}) },
  });

describe('the composition of features', () => {
  it('builds each feature with what the ones before it offer, and collects what they bring', () => {
    const built: string[] = [];
    const first = defineFeature({
      name: 'first',
      paths: ['/first'],
      create: () => {
        built.push('first');
        return { word: 'hello' };
      },
      kinds: () => [kindNamed('firsts')],
      jobs: () => [{ name: 'first.job', cron: '* * * * *', run: async () => 1 }],
      apiPaths: (_api, locales) => ({ '/api/first': { locales } }),
    });
    const second = defineFeature({
      name: 'second',
      create: (_platform, needs: { word: string }) => {
        built.push(`second got ${needs.word}`);
        return {};
      },
      kinds: () => [kindNamed('seconds')],
    });
    const app = createComposition(platform, [kindNamed('extras')]);
    const api = app.add(first, {});
    app.add(second, { word: api.word });
    expect(built).toEqual(['first', 'second got hello']);
    expect(app.kinds().map((kind) => kind.plural)).toEqual(['firsts', 'seconds', 'extras']);
    expect(app.paths()).toEqual(['/first']);
    expect(app.jobs().map((job) => job.name)).toEqual(['first.job']);
    expect(app.apiPaths()).toEqual({ '/api/first': { locales: ['en', 'fr'] } });
  });

  it('refuses two kinds of one name, and a feature added once the kinds were read', () => {
    const twice = createComposition(platform, [kindNamed('things'), kindNamed('things')]);
    expect(() => twice.kinds()).toThrow('two kinds are called things');
    const late = createComposition(platform);
    late.kinds();
    expect(() => late.add(defineFeature({ name: 'late', create: () => ({}) }), {})).toThrow(
      'feature late added after the kinds were read',
    );
  });

  it('merges what each feature holds about a person, and refuses a section named twice', async () => {
    const holding = (name: string, section: string) =>
      defineFeature({
        name,
        create: () => ({}),
        personalData: () => async (person) => ({ [section]: [`${name} of ${person.email}`] }),
      });
    const app = createComposition(platform);
    app.add(holding('first', 'questions'), {});
    app.add(defineFeature({ name: 'nothing', create: () => ({}) }), {});
    app.add(holding('second', 'answers'), {});
    const person = { id: 'id', email: 'ana@example.org' };
    expect(await app.personalData(person)).toEqual({
      questions: ['first of ana@example.org'],
      answers: ['second of ana@example.org'],
    });
    app.add(holding('third', 'questions'), {});
    await expect(app.personalData(person)).rejects.toThrow(
      'two features export personal data as questions (third)',
    );
  });
});

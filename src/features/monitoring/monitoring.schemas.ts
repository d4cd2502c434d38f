/** The forms of monitoring, as zod schemas whose messages are catalogue keys. */
import { z } from 'zod';

const text = (max: number, message: string) =>
  z
    .string(message)
    .default('')
    .transform((value) => value.replace(/\r\n/g, '\n').trim())
    .pipe(z.string().max(max, message));

const required = (max: number, message: string) =>
  text(max, message).pipe(z.string().min(1, message));

const address = (message: string) =>
  text(1000, message).refine((value) => {
    if (value === '') return true;
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, message);

const list = (max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : typeof value === 'string' ? [value] : value))
    .pipe(z.array(z.string()).max(max));

export const sourceFormSchema = z.object({
  name: required(200, 'monitoring.errors.name'),
  feedUrl: address('monitoring.errors.feedUrl').pipe(
    z.string().min(1, 'monitoring.errors.feedUrl'),
  ),
  siteUrl: address('monitoring.errors.siteUrl'),
  locale: text(10, 'monitoring.errors.locale'),
  themes: list(50),
  intervalMinutes: z
    .string('monitoring.errors.interval')
    .default('360')
    .transform((value) => Number(value.trim()))
    .pipe(
      z
        .number('monitoring.errors.interval')
        .int('monitoring.errors.interval')
        .min(30, 'monitoring.errors.interval')
        .max(10_080, 'monitoring.errors.interval'),
    ),
});

export const SOURCE_FIELDS = ['name', 'feedUrl', 'siteUrl', 'locale', 'themes', 'intervalMinutes'];

/** Publishing an entry as a news item: its title, the editor's summary, where it belongs. */
export const publishFormSchema = z.object({
  title: required(300, 'monitoring.errors.title'),
  summary: required(1000, 'monitoring.errors.summaryText'),
  locale: required(10, 'monitoring.errors.locale'),
  themes: list(50),
  countries: list(249),
});

export const PUBLISH_FIELDS = ['title', 'summary', 'locale', 'themes', 'countries'];

/** Attaching an entry to a theme's trends, with the editor's note. */
export const trendFormSchema = z.object({
  title: required(300, 'monitoring.errors.title'),
  note: required(4000, 'monitoring.errors.note'),
  locale: required(10, 'monitoring.errors.locale'),
  theme: required(100, 'monitoring.errors.theme'),
  countries: list(249),
  access: z.enum(['public', 'members'], 'editor.errors.access').default('public'),
});

export const TREND_FIELDS = ['title', 'note', 'locale', 'theme', 'countries', 'access'];

/** What the dialogue's two files of routes share: their addresses' parameters and helpers. */
import type { LocaleParams } from '../access/index.js';
import { typedValues } from '../../ui/components/form.js';
import type { PageCache } from '../../ui/render.js';
import type { DialogueService } from './dialogue.service.js';
import type { ModerationService } from './moderation.service.js';
import type { NotificationsService } from './notifications.service.js';

export interface DialogueRouteDeps {
  dialogue: DialogueService;
  moderation: ModerationService;
  notifications: NotificationsService;
  themeKeys(): Promise<readonly string[]>;
  pages: PageCache;
}

export type SpaceParams = LocaleParams & { space: string };
export type ThreadParams = SpaceParams & { number: string };
export type PostParams = ThreadParams & { post: string };
export type Body = Record<string, unknown> | undefined;

/** The typed text of a form, to show it again. */
export function stringValues(body: Body): Record<string, string> {
  return Object.fromEntries(
    Object.entries(typedValues(body ?? {})).flatMap(([key, value]) =>
      typeof value === 'string' ? [[key, value]] : [],
    ),
  );
}

/**
 * A thread's page as link previews and search engines read it: Open Graph, and schema.org
 * DiscussionForumPosting (Google's discussion forum data) with its shown replies as comments.
 */
import type { EntryMetadata, MetadataReader } from '../../channels/kind.js';
import { excerpt } from '../../ui/format.js';
import type { Space } from './spaces.repository.js';
import type { Post, Thread } from './threads.repository.js';

/** A post's Markdown as one line of plain words, for previews, feeds and search. */
export const plainText = (markdown: string): string =>
  markdown
    .replace(/[#*_>`[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const person = (name: string | null, reader: MetadataReader) => ({
  '@type': 'Person',
  name: name ?? reader.text('dialogue.formerMember'),
});

/** The metadata of a thread's first page, read as its reader reads it. */
export function threadMetadata(
  space: Space,
  thread: Thread,
  posts: readonly Post[],
  reader: MetadataReader,
): EntryMetadata {
  const url = `${reader.publicUrl}/${reader.locale}/dialogue/${space.slug}/${thread.number}`;
  const opening = posts.find((post) => post.position === 1);
  const text = opening?.state === 'shown' ? (opening.body ?? '') : '';
  const replies = posts.filter((post) => post.position > 1 && post.state === 'shown');
  return {
    openGraph: {
      type: 'article',
      title: thread.title,
      description: excerpt(plainText(text), 200) || null,
      url,
      locale: thread.locale,
    },
    jsonLd:
      space.audience === 'public'
        ? {
            '@context': 'https://schema.org',
            '@type': 'DiscussionForumPosting',
            headline: thread.title,
            text: plainText(text),
            url,
            inLanguage: thread.locale,
            datePublished: thread.createdAt.toISOString(),
            author: person(thread.authorName, reader),
            interactionStatistic: {
              '@type': 'InteractionCounter',
              interactionType: 'https://schema.org/CommentAction',
              userInteractionCount: thread.replyCount,
            },
            comment: replies.map((post) => ({
              '@type': 'Comment',
              text: plainText(post.body ?? ''),
              datePublished: post.createdAt.toISOString(),
              author: person(post.authorName, reader),
              url: `${url}?post=${post.position}#p${post.position}`,
            })),
          }
        : null,
  };
}

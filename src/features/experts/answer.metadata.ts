/**
 * A published answer's page as link previews and search engines read it: Open Graph, and QAPage
 * structured data (so that search engines show the question with its answer) when it is public.
 * The page and the answer kind's `metadata` both use it.
 */
import { excerpt } from '../../ui/format.js';
import type { EntryMetadata, MetadataReader } from '../../ui/components/metadata.js';
import type { AnswerView } from './answers.repository.js';

/** The anonymised question, shortened, as the answer's title. */
export const answerHeadline = (answer: { question: string }): string =>
  excerpt(answer.question.replace(/\s+/g, ' ').trim(), 120);

export function answerMetadata(answer: AnswerView, reader: MetadataReader): EntryMetadata {
  const url = `${reader.publicUrl}/${reader.locale}/experts/answers/${answer.id}`;
  const author =
    answer.experts.length > 0
      ? answer.experts.map((name) => ({ '@type': 'Person', name }))
      : { '@type': 'Organization', name: reader.text('common.site.name') };
  return {
    openGraph: {
      type: 'article',
      title: answerHeadline(answer),
      description: answer.summary || null,
      url,
      locale: answer.locale,
    },
    // Only a public answer's page is indexed.
    jsonLd:
      answer.access === 'public'
        ? {
            '@context': 'https://schema.org',
            '@type': 'QAPage',
            inLanguage: answer.locale,
            mainEntity: {
              '@type': 'Question',
              name: answerHeadline(answer),
              text: answer.question,
              answerCount: 1,
              dateCreated: answer.askedAt.toISOString(),
              acceptedAnswer: {
                '@type': 'Answer',
                text: `${answer.summary}\n\n${answer.answer}`,
                dateCreated: answer.answeredAt.toISOString(),
                url,
                author,
              },
            },
          }
        : null,
  };
}

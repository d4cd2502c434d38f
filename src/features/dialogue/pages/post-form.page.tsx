/** The forms of writing: a new thread in a space, and the edit of a post (its title, if first). */
import { PageHeader } from '../../../ui/components/content.js';
import {
  ErrorSummary,
  Field,
  PostForm,
  Select,
  TextArea,
  errorsInOrder,
  type FormState,
} from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { themeLabel } from '../../../ui/format.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { Space } from '../spaces.repository.js';

export function ThreadFormPage(props: {
  ctx: PageContext;
  csrfToken: string;
  space: Space;
  themes: readonly string[];
  form: FormState;
}): JSX.Element {
  const { ctx, space, form } = props;
  const title = ctx.text('dialogue.start.title');
  const base = ctx.href(`/dialogue/${space.slug}`);
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[
        { label: ctx.text('dialogue.title'), href: ctx.href('/dialogue') },
        { label: space.name, href: base },
      ]}
    >
      <PageHeader title={title} lead={ctx.text('dialogue.start.lead', { space: space.name })} />
      <PostForm action={base} csrfToken={props.csrfToken}>
        <ErrorSummary
          ctx={ctx}
          summary="dialogue.errors.summary"
          errors={errorsInOrder(form.errors, ['title', 'theme', 'body'])}
        />
        <Field
          ctx={ctx}
          name="title"
          type="text"
          autocomplete="off"
          label="dialogue.start.titleField"
          hint={ctx.text('dialogue.start.titleHint')}
          value={form.values.title}
          error={form.errors.title}
        />
        <Select
          ctx={ctx}
          name="theme"
          label="dialogue.start.theme"
          placeholder="dialogue.start.noTheme"
          required={false}
          options={props.themes.map((theme) => ({ value: theme, label: themeLabel(ctx, theme) }))}
          value={form.values.theme ?? space.theme ?? ''}
          error={form.errors.theme}
        />
        <TextArea
          ctx={ctx}
          name="body"
          label="dialogue.start.body"
          hint="dialogue.markdownHint"
          value={form.values.body}
          error={form.errors.body}
          rows={10}
        />
        <p class="hint">{ctx.t('dialogue.mentionHint')}</p>
        <button type="submit">{ctx.t('dialogue.start.send')}</button>
      </PostForm>
    </Layout>
  );
}

export function EditPostPage(props: {
  ctx: PageContext;
  csrfToken: string;
  action: string;
  back: string;
  /** The thread's title, when the post is its opening one. */
  withTitle: boolean;
  form: FormState;
}): JSX.Element {
  const { ctx, form } = props;
  const title = ctx.text('dialogue.edit.title');
  return (
    <Layout ctx={ctx} title={title} indexable={false}>
      <PageHeader title={title} lead={ctx.text('dialogue.edit.lead')} />
      <PostForm action={props.action} csrfToken={props.csrfToken}>
        <ErrorSummary
          ctx={ctx}
          summary="dialogue.errors.summary"
          errors={errorsInOrder(form.errors, ['title', 'body'])}
        />
        {props.withTitle ? (
          <Field
            ctx={ctx}
            name="title"
            type="text"
            autocomplete="off"
            label="dialogue.start.titleField"
            value={form.values.title}
            error={form.errors.title}
          />
        ) : (
          ''
        )}
        <TextArea
          ctx={ctx}
          name="body"
          label="dialogue.edit.body"
          hint="dialogue.markdownHint"
          value={form.values.body}
          error={form.errors.body}
          rows={10}
        />
        <button type="submit">{ctx.t('dialogue.edit.save')}</button>{' '}
        <a href={props.back}>{ctx.t('dialogue.edit.cancel')}</a>
      </PostForm>
    </Layout>
  );
}

/** The frame of the editors' pages: never indexed, under the editors' home in the breadcrumbs. */
import type { PageContext } from '../../../ui/context.js';
import { Layout, type LayoutProps } from '../../../ui/layout/layout.js';

export function EditorLayout(props: {
  ctx: PageContext;
  title: string;
  /** Crumbs after the editors' home. */
  crumbs?: LayoutProps['crumbs'];
  children?: LayoutProps['children'];
}): JSX.Element {
  const { ctx } = props;
  return (
    <Layout
      ctx={ctx}
      title={props.title}
      indexable={false}
      crumbs={[
        { label: ctx.text('editor.title'), href: ctx.href('/editor') },
        ...(props.crumbs ?? []),
      ]}
    >
      {props.children}
    </Layout>
  );
}

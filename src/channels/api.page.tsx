/** The API's documentation for people, drawn from the OpenAPI document (whose text is English). */
import { PageHeader } from '../ui/components/content.js';
import type { PageContext } from '../ui/context.js';
import { Layout } from '../ui/layout/layout.js';
import type { OpenApiDocument } from './openapi.js';

interface Parameter {
  name: string;
  in: string;
  description?: string;
  required?: boolean;
}

export function ApiPage(props: { ctx: PageContext; document: OpenApiDocument }): JSX.Element {
  const { ctx, document } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('sections.api.title')}>
      <PageHeader title={ctx.text('sections.api.title')} lead={ctx.text('sections.api.lead')} />
      <p>
        <a href="/api/openapi.json" type="application/json">
          {ctx.t('sections.api.document')}
        </a>
      </p>
      <p lang="en" safe>
        {document.info.description}
      </p>
      <>
        {Object.entries(document.paths).map(([path, operations]) => (
          <section aria-labelledby={`api-${path.replace(/[^a-z]/g, '-')}`}>
            <h2 id={`api-${path.replace(/[^a-z]/g, '-')}`}>
              <code safe>GET {path}</code>
            </h2>
            <p lang="en" safe>
              {operations.get.summary}
            </p>
            <h3>{ctx.t('sections.api.parameters')}</h3>
            <dl class="facts">
              {(operations.get.parameters as readonly Parameter[]).map((parameter) => (
                <>
                  <dt>
                    <code safe>{parameter.name}</code>
                  </dt>
                  <dd lang="en" safe>
                    {`${parameter.description ?? ''}${parameter.required ? ' (required)' : ''}`}
                  </dd>
                </>
              ))}
            </dl>
            <h3>{ctx.t('sections.api.responses')}</h3>
            <ul lang="en">
              {Object.entries(operations.get.responses).map(([status, response]) => (
                <li safe>{`${status}: ${(response as { description: string }).description}`}</li>
              ))}
            </ul>
          </section>
        ))}
      </>
    </Layout>
  );
}

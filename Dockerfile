# One image recipe for all five apps; the APP build arg picks the one a container runs:
#   docker build --build-arg APP=order -t commerce-order .
# docker-compose.yml builds it once per app; every stage but the last is shared (cached).

# 20.20, not 20: Nest 12 packages are ES modules loaded with require(), which needs Node >= 20.19
# (package.json engines); a stale locally cached node:20 image could be older.
ARG NODE_IMAGE=node:20.20-bookworm-slim

# Compile. Install scripts are skipped: tsc needs none, and dev tools' ones (esbuild,
# embedded-postgres) would only fetch binaries the image never uses.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build

# docker-compose's kafka-setup (one-shot, before the apps): the namespace's topics and each app's
# Kafka ACLs (npm run kafka:provision). Run from source with tsx, a dev dependency this stage has.
FROM build AS kafka-setup
COPY scripts/kafka ./scripts/kafka
USER node
CMD ["node_modules/.bin/tsx", "scripts/kafka/provision-cli.ts"]

# Production dependencies only. The one production package with an install script
# (@apollo/protobufjs) is allowed in package.json, so running scripts here matches local installs.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ARG APP=gateway
# HOST: listen on all interfaces, or nothing outside the container reaches the app.
# TS_NODE_BASEURL: tsconfig-paths maps the @app/* aliases in tsconfig.json onto dist/libs.
ENV NODE_ENV=production HOST=0.0.0.0 APP=${APP} TS_NODE_BASEURL=./dist
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY --from=build /app/dist ./dist
# Fail the build, not the container, when APP names no app.
RUN test -f "dist/apps/${APP}/src/main.js"
# Files stay root-owned (the app cannot rewrite its own code); the process runs unprivileged.
USER node
# exec: node becomes the shell's replacement and receives SIGTERM for Nest's shutdown hooks.
CMD ["sh", "-c", "exec node -r tsconfig-paths/register \"dist/apps/${APP}/src/main.js\""]

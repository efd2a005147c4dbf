# Linli: one image serving the API, the H5 shop, the admin and the scheduler.
FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ libsqlite3-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY admin/package.json admin/
COPY miniapp/package.json miniapp/
RUN npm_config_sqlite=/usr npm install --no-audit --no-fund
COPY . .
RUN npm run build -w server && npm run build -w admin && npm run build:h5 -w miniapp
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
# compiled JavaScript, not tsx; node runs as PID 1 itself, so the container's SIGTERM reaches the server
CMD ["node", "server/dist/server/src/main.js"]

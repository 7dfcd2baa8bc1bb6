// Lists every image with dots-wrapper: its `endpoint` option points it at the fake. dots-wrapper has no "all pages" call, so
// this pages the way a user would, by the API's maximum page size (200), page 1 first for meta.total, then the rest in order.
//   DIGITALOCEAN_TOKEN=... node dots-wrapper.js http://127.0.0.1:PORT/
const { createApiClient } = require('dots-wrapper');
const printImages = require('./print-images');

async function main() {
  const client = createApiClient({ endpoint: new URL('v2', process.argv[2]).href, token: process.env.DIGITALOCEAN_TOKEN });
  const perPage = 200;
  const first = await client.image.listImages({ page: 1, per_page: perPage });
  const total = first.data.meta.total;
  const images = [...first.data.images];
  for (let page = 2; page <= Math.ceil(total / perPage); page++) {
    images.push(...(await client.image.listImages({ page, per_page: perPage })).data.images);
  }

  printImages(images, total);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});

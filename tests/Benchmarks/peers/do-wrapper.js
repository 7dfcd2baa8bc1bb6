// Lists every image with do-wrapper's own "all pages" call: page 1, then every other page at once, 25 per page (fixed by
// do-wrapper). It has no option for the API's address: the one field that holds it is set after construction.
//   DIGITALOCEAN_TOKEN=... node do-wrapper.js http://127.0.0.1:PORT/ EXPECTED_COUNT
const DigitalOcean = require('do-wrapper').default;
const printImages = require('./print-images');

async function main() {
  const client = new DigitalOcean(process.env.DIGITALOCEAN_TOKEN);
  client.images.requestHelper.apiUrl = new URL('v2/', process.argv[2]).href;
  const images = await client.images.getAll(undefined, true);
  printImages(images, Number(process.argv[3]));
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});

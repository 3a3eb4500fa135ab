// Crawlee's PlaywrightCrawler on the demo script shop's product pages, with the system's Chromium.
// usage: node crawlee_render.mjs BASE_URL PRODUCTS CONCURRENCY OUT_FILE
import { PlaywrightCrawler, Configuration, log } from 'crawlee';
import { createWriteStream } from 'node:fs';

const [base, products, concurrency, outFile] = process.argv.slice(2);
const c = Number(concurrency);
log.setLevel(log.LEVELS.WARNING);
const out = createWriteStream(outFile);
let items = 0;
const started = Date.now();

const crawler = new PlaywrightCrawler({
    launchContext: {
        launchOptions: { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true },
    },
    browserPoolOptions: { useFingerprints: false },
    minConcurrency: c,
    maxConcurrency: c,
    maxRequestRetries: 1,
    requestHandlerTimeoutSecs: 30,
    navigationTimeoutSecs: 30,
    preNavigationHooks: [
        // As DeclarativeScrape's default: images, fonts and media are not loaded.
        async ({ page }) => {
            await page.route('**/*', (route) => ['image', 'font', 'media'].includes(route.request().resourceType())
                ? route.abort('blockedbyclient') : route.continue());
        },
    ],
    async requestHandler({ page, request }) {
        await page.waitForSelector('h1.title:not(:empty)', { timeout: 30000 });
        const item = await page.evaluate(() => ({
            title: document.querySelector('h1.title')?.textContent?.trim(),
            price: Number((document.querySelector('p.price')?.textContent ?? '').replace(/[^0-9.]/g, '')),
            sku: document.querySelector('p.sku')?.textContent?.trim(),
        }));
        out.write(JSON.stringify({ url: request.url, ...item }) + '\n');
        items++;
    },
}, new Configuration({ persistStorage: false, purgeOnStart: true }));

const urls = [];
for (let i = 1; i <= Number(products); i++) urls.push(new URL(`/product/${i}.html`, base).href);
const stats = await crawler.run(urls);
out.end();
console.log('RESULT ' + JSON.stringify({ items, failed: stats.requestsFailed, finished: stats.requestsFinished, wallSeconds: (Date.now() - started) / 1000 }));

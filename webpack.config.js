/**
 * Builds the two pages of the add-in:
 *   taskpane.html — the pane Excel loads, with office.js served from this server by default (the Excel
 *     files of the `@microsoft/office-js` package copied to `office-js/`), so the add-in works on an
 *     intranet without internet; `OFFICE_JS=cdn` (or `--env officeJs=cdn`) loads it from Microsoft's CDN;
 *   preview.html / index.html — the same pane beside an in-memory workbook, loading no office.js and
 *     nothing from the network.
 * Production builds carry no source maps unless `SOURCE_MAPS=1` (or `--env sourceMaps`).
 *
 * `npm start` serves both over plain http on port 3000 (the preview needs no certificate);
 * `HTTPS=1` switches to https with office-addin-dev-certs' certificates for Excel.
 * `ADDIN_URL=https://… npm run build` rewrites the manifest's URLs for production.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';

const root = path.dirname(fileURLToPath(import.meta.url));
const DEV_PORT = Number(process.env.PORT ?? 3000);
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where the packaged office.js goes in the build, next to the pane. */
const OFFICE_JS_DIR = 'office-js';
const OFFICE_JS_PACKAGE = path.join(root, 'node_modules', '@microsoft', 'office-js', 'dist');

/**
 * The files of the office-js package an Excel add-in needs: office.js, the Excel host scripts for
 * Office 2016 and later (web, Windows, Mac, iPad), each language's office_strings.js (office.js picks
 * it by Office's display language) and the scripts office.js loads on demand. Debug builds, the
 * other Office applications and Office 2013 are left out: about 12 MB instead of 86 MB.
 */
function officeJsFiles() {
  if (!fs.existsSync(path.join(OFFICE_JS_PACKAGE, 'office.js'))) {
    throw new Error(
      'office.js is missing from node_modules/@microsoft/office-js: run npm ci, or build with OFFICE_JS=cdn.',
    );
  }
  const names = fs.readdirSync(OFFICE_JS_PACKAGE, { withFileTypes: true });
  const files = names
    .filter(
      (e) =>
        e.isFile() &&
        !e.name.includes('.debug.') &&
        /^(office\.js|o15apptofilemappingtable\.js|es6-promise\.js|excel-[a-z0-9-]*16\.\d\d(-core)?\.js)$/.test(e.name),
    )
    .map((e) => e.name);
  for (const dir of names.filter((e) => e.isDirectory())) {
    if (fs.existsSync(path.join(OFFICE_JS_PACKAGE, dir.name, 'office_strings.js')))
      files.push(`${dir.name}/office_strings.js`);
  }
  files.push('telemetry/oteljs_agave.js');
  return files;
}

/** Where the Excel helper keeps `manifestForUrl(xml, baseUrl)`; the first that exists is used. */
const MANIFEST_MODULES = [
  'src/excel/manifest.ts',
  'scripts/manifest.ts',
  'scripts/manifest.js',
  'src/excel/manifest.js',
];

async function loadManifestRewriter() {
  for (const candidate of MANIFEST_MODULES) {
    const file = path.join(root, candidate);
    if (!fs.existsSync(file)) continue;
    let mod;
    if (file.endsWith('.ts')) {
      // Node 20 cannot import TypeScript by itself; tsx (a dependency) can.
      const { tsImport } = await import('tsx/esm/api');
      mod = await tsImport(pathToFileURL(file).href, import.meta.url);
    } else {
      mod = await import(pathToFileURL(file).href);
    }
    if (typeof mod.manifestForUrl === 'function') return mod.manifestForUrl;
  }
  return null;
}

/**
 * Emits the sample registers (samples/*.xlsx, samples/counties/*.xlsx) byte for byte, plus
 * samples/index.json listing them, so the preview loads exactly the files the CLI reads.
 */
class SampleRegistersPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('SampleRegistersPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'SampleRegistersPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const listing = { city: [], counties: [] };
          for (const [folder, key] of [
            ['samples', 'city'],
            ['samples/counties', 'counties'],
          ]) {
            const dir = path.join(root, folder);
            compilation.contextDependencies.add(dir);
            if (!fs.existsSync(dir)) continue;
            const names = fs
              .readdirSync(dir)
              .filter((n) => n.toLowerCase().endsWith('.xlsx') && !n.startsWith('~$'))
              .sort();
            for (const name of names) {
              const asset = `${folder}/${name}`;
              compilation.emitAsset(asset, new webpack.sources.RawSource(fs.readFileSync(path.join(dir, name))));
              listing[key].push(asset);
            }
          }
          compilation.emitAsset('samples/index.json', new webpack.sources.RawSource(JSON.stringify(listing, null, 2)));
        },
      );
    });
  }
}

/** Resolves when nothing listens on the port, so a second `npm start` says so plainly instead of a stack trace. */
function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.once('listening', () => probe.close(() => resolve(true)));
    probe.listen(port, 'localhost');
  });
}

async function httpsOptions() {
  // Only for Excel: the certificates are created (and trusted) on first use, which needs root on Linux.
  const devCerts = await import('office-addin-dev-certs');
  const getOptions = devCerts.getHttpsServerOptions ?? devCerts.default?.getHttpsServerOptions;
  return getOptions();
}

export default async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  // `--env quick`: a production build without source maps or minifying, for the browser tests.
  const quick = env.quick === true;
  const sourceMaps = env.sourceMaps === true || process.env.SOURCE_MAPS === '1';
  const officeJs = String(env.officeJs ?? process.env.OFFICE_JS ?? 'local').toLowerCase();
  if (officeJs !== 'local' && officeJs !== 'cdn')
    throw new Error(`OFFICE_JS must be "local" or "cdn", not "${officeJs}".`);
  const addinUrl = process.env.ADDIN_URL?.trim() || null;
  const https = process.env.HTTPS === '1' || process.env.HTTPS === 'true' || env.https === true;
  const manifestForUrl = addinUrl ? await loadManifestRewriter() : null;
  if (env.WEBPACK_SERVE && !(await portIsFree(DEV_PORT))) {
    console.error(
      `端口 ${DEV_PORT} 已被占用（可能已有一个 npm start 在运行，打开 http://localhost:${DEV_PORT}/ 即可）；` +
        `否则请关闭占用它的程序，或用 PORT=3001 npm start 换一个端口（Excel 中的加载项需要 3000）。\n` +
        `Port ${DEV_PORT} is in use (perhaps npm start is already running: open http://localhost:${DEV_PORT}/); ` +
        'otherwise stop whatever holds it, or pick another port with PORT=3001 npm start (the add-in in Excel needs 3000).',
    );
    process.exit(1);
  }
  if (addinUrl && !manifestForUrl) {
    throw new Error(
      `ADDIN_URL is set (${addinUrl}) but no manifestForUrl(xml, baseUrl) was found in ${MANIFEST_MODULES.join(', ')}; ` +
        'the manifest would still point at localhost. Add that function or build without ADDIN_URL.',
    );
  }

  const copyPatterns = [];
  if (fs.existsSync(path.join(root, 'assets'))) {
    copyPatterns.push({
      from: 'assets',
      to: 'assets',
      noErrorOnMissing: true,
      globOptions: { ignore: ['**/.gitkeep'] },
    });
  }
  if (fs.existsSync(path.join(root, 'manifest.xml'))) {
    copyPatterns.push({
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform: manifestForUrl ? (content) => manifestForUrl(content.toString('utf8'), addinUrl) : undefined,
    });
  }

  if (officeJs === 'local') {
    for (const file of officeJsFiles())
      copyPatterns.push({ from: path.join(OFFICE_JS_PACKAGE, file), to: `${OFFICE_JS_DIR}/${file}` });
  }

  return {
    mode: production ? 'production' : 'development',
    context: root,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      preview: './src/preview/index.tsx',
    },
    output: {
      path: path.join(root, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
      publicPath: 'auto',
    },
    // Source maps of a production build are about 9 MB: not shipped in dist/ unless asked for.
    devtool: quick ? false : production ? (sourceMaps ? 'source-map' : false) : 'eval-cheap-module-source-map',
    // Parsing Fluent's icon barrel dominates a cold build; a warm cache makes rebuilds quick.
    cache: { type: 'filesystem', buildDependencies: { config: [fileURLToPath(import.meta.url)] } },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // ExcelJS's "browser" field points at its self-contained browser build (no Node built-ins).
      mainFields: ['browser', 'module', 'main'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: path.join(root, 'tsconfig.json') } },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJsUrl: officeJs === 'cdn' ? OFFICE_JS_CDN : `${OFFICE_JS_DIR}/office.js` },
      }),
      new HtmlWebpackPlugin({ filename: 'preview.html', template: './src/preview/preview.html', chunks: ['preview'] }),
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/preview/preview.html', chunks: ['preview'] }),
      ...(copyPatterns.length > 0 ? [new CopyWebpackPlugin({ patterns: copyPatterns })] : []),
      new SampleRegistersPlugin(),
    ],
    optimization: {
      splitChunks: { chunks: 'all' },
      minimize: production && !quick,
    },
    // React, Fluent UI and ExcelJS are large; the size hints would only repeat that on every build.
    performance: { hints: false },
    devServer: {
      port: DEV_PORT,
      host: 'localhost',
      open: false,
      static: false,
      hot: false,
      liveReload: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: https ? { type: 'https', options: await httpsOptions() } : 'http',
      client: { overlay: { warnings: false, errors: true } },
      onListening(devServer) {
        const scheme = https ? 'https' : 'http';
        const base = `${scheme}://localhost:${devServer.options.port}/`;
        // Printed last and plainly so it is easy to find among webpack's own lines.
        devServer.compiler.hooks.done.tap('PrintUrl', () => {
          console.log(`\n  预览 Preview:   ${base}\n  任务窗格 Task pane (Excel): ${base}taskpane.html\n`);
        });
      },
    },
  };
};

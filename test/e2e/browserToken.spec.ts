import { expect, test } from './fixtures';

test('the printed link opens the app on 127.0.0.1 and on localhost, and leaves the address bar', async ({
  browser,
  winkelpost,
}) => {
  const server = winkelpost.server;
  for (const host of ['127.0.0.1', 'localhost']) {
    // A browser that never saw the link: no cookie yet.
    const context = await browser.newContext();
    const page = await context.newPage();
    const bare = await page.goto(`http://${host}:${server.port}/`);
    expect(bare?.status()).toBe(401);
    await expect(page.getByText('browser-token', { exact: false }).first()).toBeVisible();

    await page.goto(server.openUrl.replace('127.0.0.1', host));
    await expect(page.getByTestId('credits-header')).toHaveText('U heeft nog 0 credits');
    expect(page.url()).toBe(`http://${host}:${server.port}/`);
    expect(page.url()).not.toContain(server.token);
    const cookies = await context.cookies();
    expect(cookies).toEqual([
      expect.objectContaining({ name: server.cookie.name, httpOnly: true, sameSite: 'Strict' }),
    ]);
    // The page cannot read its own token.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await context.close();
  }
});

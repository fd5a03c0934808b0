// Loads Application Default Credentials the way every Node Google client does
// (GOOGLE_APPLICATION_CREDENTIALS), gets an access token, and asks the sandbox who it is.
// Usage: node adc-access-token.js WHOAMI_URL
const { GoogleAuth } = require('google-auth-library');

async function main() {
  const auth = new GoogleAuth({ scopes: 'https://www.googleapis.com/auth/cloud-platform' });
  const client = await auth.getClient();
  const { token } = await client.getAccessToken();
  const whoami = await client.request({ url: process.argv[2] });
  console.log(JSON.stringify({ tokenPrefix: token.slice(0, 16), whoami: whoami.data }));
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});

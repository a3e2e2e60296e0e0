// Usage: BASE_URL=http://127.0.0.1:port/api/v1/ API_KEY=... DAY=YYYY-MM-DD node read.mjs
// Calls the read endpoints through the real wakatime-client package and prints what it got back as JSON.
import wakatime from 'wakatime-client';

const { WakaTimeClient, RANGE } = wakatime;
const client = new WakaTimeClient(process.env.API_KEY, process.env.BASE_URL);
const day = process.env.DAY;

const result = {
  me: await client.getMe(),
  summary: await client.getMySummary({ dateRange: { startDate: day, endDate: day } }),
  stats: await client.getMyStats({ range: RANGE.LAST_7_DAYS }),
  durations: await client.getMyDurations({ date: day }),
  projects: await client.getMyProjects(),
};
process.stdout.write(JSON.stringify(result));

using Floyo.Silo.Hosting;
using Floyo.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddFloyoBackend("floyo-web");
builder.AddFloyoWeb();

var app = builder.Build();
app.UseFloyoWeb();
await app.RunAsync();

/// <summary>The web host's entry point (public so tests can host it with WebApplicationFactory).</summary>
public partial class Program;

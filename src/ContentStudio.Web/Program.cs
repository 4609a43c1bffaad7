using ContentStudio.Web;
using ContentStudio.Web.Components;

var builder = WebApplication.CreateBuilder(args);
builder.AddContentStudioWeb();

var app = builder.Build();
await app.UseContentStudioWebAsync();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();

public partial class Program;

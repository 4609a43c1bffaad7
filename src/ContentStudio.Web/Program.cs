using ContentStudio.Web;
using ContentStudio.Web.Components;

var builder = WebApplication.CreateBuilder(args);
builder.AddContentStudioWeb();

var app = builder.Build();
await app.UseContentStudioWebAsync();
app.MapStudioComponents<App>();
app.Run();

public partial class Program;

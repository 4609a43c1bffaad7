namespace ContentStudio.E2E.Tests.Infrastructure;

/// <summary>A running copy of the app that StudioHttp can sign in to.</summary>
public interface IStudioApp
{
    string BaseUrl { get; }
}

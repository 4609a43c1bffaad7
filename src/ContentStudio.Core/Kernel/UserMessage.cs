namespace ContentStudio.Core.Kernel;

/// <summary>An exception's message as a person should read it, in pages, API problems and the CLI: without the
/// " (Parameter 'reason')" .NET appends to argument errors (the field is named in the message or the problem's field).</summary>
public static class UserMessage
{
    public static string Of(Exception e) =>
        e is ArgumentException { ParamName: { } name } a ? a.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
}

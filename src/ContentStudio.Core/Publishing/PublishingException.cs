namespace ContentStudio.Core.Publishing;

/// <summary>A publishing request that cannot be carried out, with a message meant for the person who asked.</summary>
public class PublishingException(string message) : Exception(message);

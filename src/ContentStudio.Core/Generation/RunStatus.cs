namespace ContentStudio.Core.Generation;

public enum RunStatus { Queued, Running, Completed, Cancelled }

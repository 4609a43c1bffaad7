namespace ContentStudio.Core.Publishing;

public enum PublishTargetKind { FileExport, Webhook }

namespace ContentStudio.Core.Publishing;

public enum OutboxStatus { Pending, Sending, Sent, Dead, Cancelled }

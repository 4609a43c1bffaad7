using ContentStudio.Core.Prompts;
namespace ContentStudio.Core.TemplateStudio;

public enum EvaluationStatus { Running, Finished, Failed }

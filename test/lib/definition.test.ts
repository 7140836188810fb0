import { describe, expect, it } from 'vitest';
import {
  DefinitionResolutionError,
  placeholderFunctionArn,
  resolveDefinition,
} from '../../lib/definition.js';

function stageFunction(stage: string) {
  return {
    Type: 'AWS::Lambda::Function',
    Properties: { Environment: { Variables: { QUANTCODER_STAGE: stage, OTHER: 'x' } } },
  };
}

/** A template shaped like a synthesized one: the DefinitionString is a Fn::Join around GetAtt and Ref. */
function templateWith(definitionString: unknown, extraResources: Record<string, unknown> = {}) {
  return {
    Resources: {
      PlanFn1234: stageFunction('plan'),
      AlphaFn5678: stageFunction('alpha'),
      SomeBucket: { Type: 'AWS::S3::Bucket' },
      Machine: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: { DefinitionString: definitionString },
      },
      ...extraResources,
    },
  };
}

const joinedDefinition = {
  'Fn::Join': [
    '',
    [
      '{"StartAt":"Plan","States":{"Plan":{"Type":"Task","Resource":"',
      { 'Fn::GetAtt': ['PlanFn1234', 'Arn'] },
      '","Next":"Write"},"Write":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"WriteAlpha","States":',
      '{"WriteAlpha":{"Type":"Task","Resource":"',
      { 'Fn::GetAtt': ['AlphaFn5678', 'Arn'] },
      '","End":true}}}]}},"Comment":"in ',
      { Ref: 'AWS::Partition' },
      '"}',
    ],
  ],
};

describe('resolveDefinition', () => {
  it('joins the DefinitionString and puts a readable placeholder ARN for each function', () => {
    // Act
    const resolved = resolveDefinition(templateWith(joinedDefinition));

    // Assess
    expect(resolved.definition.States.Plan?.Resource).toBe(placeholderFunctionArn('PlanFn1234'));
    expect(placeholderFunctionArn('PlanFn1234')).toBe(
      'arn:aws:lambda:us-east-1:123456789012:function:PlanFn1234',
    );
    expect(resolved.definition.Comment).toBe('in aws');
  });

  it('maps function logical ids and Task states, branches included, to their stages', () => {
    // Act
    const resolved = resolveDefinition(templateWith(joinedDefinition));

    // Assess
    expect(resolved.stageByLogicalId).toEqual({ PlanFn1234: 'plan', AlphaFn5678: 'alpha' });
    expect(resolved.stageByState).toEqual({ Plan: 'plan', WriteAlpha: 'alpha' });
  });

  it('accepts a DefinitionString that is already plain JSON', () => {
    // Prepare
    const plain = JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } });

    // Act
    const resolved = resolveDefinition(templateWith(plain));

    // Assess
    expect(resolved.definition).toEqual({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } });
    expect(resolved.stageByState).toEqual({});
  });

  it('refuses a reference that only a deployed stack could resolve', () => {
    // Prepare
    const bucketArn = { 'Fn::Join': ['', ['{"StartAt":"', { 'Fn::GetAtt': ['SomeBucket', 'Arn'] }, '"}']] };

    // Act
    const resolving = () => resolveDefinition(templateWith(bucketArn));

    // Assess
    expect(resolving).toThrow(DefinitionResolutionError);
    expect(resolving).toThrow(/SomeBucket/);
  });

  it('refuses a Task state whose resource is not a stage function', () => {
    // Prepare
    const foreign = JSON.stringify({
      StartAt: 'Call',
      States: { Call: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true } },
    });

    // Act
    const resolving = () => resolveDefinition(templateWith(foreign));

    // Assess
    expect(resolving).toThrow(/Task state Call calls no stage function/);
  });

  it('needs the logical id when the template holds two state machines', () => {
    // Prepare
    const second = JSON.stringify({ StartAt: 'Other', States: { Other: { Type: 'Succeed' } } });
    const template = templateWith(joinedDefinition, {
      Second: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: second } },
    });

    // Act
    const ambiguous = () => resolveDefinition(template);
    const chosen = resolveDefinition(template, 'Second');

    // Assess
    expect(ambiguous).toThrow(/found 2/);
    expect(chosen.definition.StartAt).toBe('Other');
  });

  it('refuses what is not a CloudFormation template', () => {
    // Act
    const resolving = () => resolveDefinition({ StartAt: 'Plan' });

    // Assess
    expect(resolving).toThrow(DefinitionResolutionError);
  });
});
